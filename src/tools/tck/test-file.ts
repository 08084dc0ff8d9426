/** The TCK test-case reader lives with the DMN layer (the studio and `flowdeck test` use it too). */
export * from '../../dmn/testcases/read';
