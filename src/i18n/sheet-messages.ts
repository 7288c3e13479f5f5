// Importing this module adds the editor's words: its fields, the radar, the print view, the stakeholders' roles (fr-sheet.json).
// The screens and dialogs that show them import it beside their code, so they arrive together.
import messages from './fr-sheet.json'
import { addMessages } from './index'

addMessages(messages)
