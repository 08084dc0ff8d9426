/** `npm run gen:client-types`: writes the client types generated from the server's OpenAPI document. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clientTypes } from './document';

const out = fileURLToPath(new URL('./client-types.ts', import.meta.url));
writeFileSync(out, await clientTypes());
console.log(`wrote ${out}`);
