// Importing this module adds the workshops' words: restitution, ratings, vote, the spreadsheet's columns (fr-workshop.json).
// The screens and dialogs that show them import it beside their code, so they arrive together.
import messages from './fr-workshop.json'
import { addMessages } from './index'

addMessages(messages)
