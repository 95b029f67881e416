import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderApiTypes, typesPath } from './api/api-types';

describe('the API types', () => {
  it('web/src/api/schema.gen.ts is generated from the committed server/openapi.json', async () => {
    const generated = await renderApiTypes();
    const committed = fs.existsSync(typesPath) ? fs.readFileSync(typesPath, 'utf8') : '';
    const lines = [generated.split('\n'), committed.split('\n')] as const;
    const first = lines[0].findIndex((line, i) => line !== lines[1][i]);
    const where = first < 0 ? '' : ` (first difference at line ${first + 1}: generated ${JSON.stringify(lines[0][first])}, committed ${JSON.stringify(lines[1][first] ?? '')})`;
    expect(generated === committed, `web/src/api/schema.gen.ts is stale${where}: run \`npm run api:types\` and commit it`).toBe(true);
  });
});
