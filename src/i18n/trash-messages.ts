// Importing this module adds the trash page's words (fr-trash.json): the library only names the page.
// The screens and dialogs that show them import it beside their code, so they arrive together.
import messages from './fr-trash.json'
import { addMessages } from './index'

addMessages(messages)
