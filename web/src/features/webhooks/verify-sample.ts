/** The receiver's check, as code (shown with the secret; docs/WEBHOOKS.md has it in Python too). */
export const verifySample = `import crypto from 'node:crypto';

// rawBody: the request body as received, before JSON.parse
function verify(secret, headers, rawBody) {
  const timestamp = headers['x-lianxin-timestamp'];
  const expected = 'sha256=' + crypto.createHmac('sha256', secret)
    .update(\`\${timestamp}.\${rawBody}\`).digest('hex');
  const given = headers['x-lianxin-signature'] ?? '';
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
  return fresh && given.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}`;
