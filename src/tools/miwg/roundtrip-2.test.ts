import { describeRoundTrip } from './roundtrip-spec';

// One share of the MIWG files; the shares run in parallel on Vitest's workers.
describeRoundTrip(1, 2);
