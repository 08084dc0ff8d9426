/** Starting script threads takes seconds on a loaded machine (tsx, QuickJS, freezing the realm): the hook timeout of specs that start runners. */
export const START_TIMEOUT_MS = 120_000;
