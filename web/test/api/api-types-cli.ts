import fs from 'node:fs';
import path from 'node:path';
import { renderApiTypes, typesPath } from './api-types';

/* `npm run api:types`: regenerates web/src/api/schema.gen.ts from server/openapi.json. */
fs.writeFileSync(typesPath, await renderApiTypes());
console.log(`wrote ${path.relative(process.cwd(), typesPath)}`);
