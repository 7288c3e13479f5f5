// Importing this module adds the words of an import: its questions, its refusals, the fields' names (fr-import.json).
// The screens and dialogs that show them import it beside their code, so they arrive together.
import messages from './fr-import.json'
import { addMessages } from './index'

addMessages(messages)
