/// <reference lib="webworker" />
// The DMN editor's FEEL check off the page: compiling every cell of a large table takes longer
// than a keystroke may (about a third of a second for a thousand rules), so it runs here.
import * as Comlink from 'comlink';
import { feelProblemsOf } from '../src/app/decisions/feel-problems';

export interface DmnCheckApi {
  check(xml: string): ReturnType<typeof feelProblemsOf>;
}

const api: DmnCheckApi = { check: feelProblemsOf };

Comlink.expose(api);
