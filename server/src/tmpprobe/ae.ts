import http from 'node:http';
const s = http.createServer((q, r) => { console.log(q.headers['accept-encoding']); r.end('{}'); }).listen(0, async () => {
  await fetch(`http://127.0.0.1:${(s.address() as any).port}/`); s.close();
});
