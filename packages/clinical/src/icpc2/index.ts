export { suggestIcpc2Codes, type Icpc2Suggestion, type SuggestIcpc2Options } from './suggest-icpc2-codes';
export {
  ICPC2_LIST_VERSION,
  ICPC2_LIST_SOURCE,
  findIcpc2Code,
  listIcpc2Codes,
  type Icpc2Entry,
} from './code-list';
