// Importing this module adds the words of the text fields' length counter (fr-form.json), which the editor, the
// workshop's and the vote's forms share but the home page never shows.
import messages from './fr-form.json'
import { addMessages } from './index'

addMessages(messages)
