// Importing this module adds the privacy page's words (fr-privacy.json).
// The screens and dialogs that show them import it beside their code, so they arrive together.
import messages from './fr-privacy.json'
import { addMessages } from './index'

addMessages(messages)
