export { readTestFile, isNullOnly, type TckTestCase, type TckTestFile, type TckValue, type TckInputNode, type TckResultNode } from './read';
export { writeTestFile } from './write';
export { runTestFile, testFileName, type TestVerdict } from './run';
export { feelToTck, tckToFeel, differs } from './values';
