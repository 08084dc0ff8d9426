/** Thrown when an instruction cannot be carried out or an assertion does not hold: fails the test case with `message`. */
export class CaseFailure extends Error {}
