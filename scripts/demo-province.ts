// `npm run demo:province`: the province in miniature alone (scripts/province.ts); `npm start`
// shows it beside the demo.
import { startProvince } from './province.js';

const province = await startProvince({ logLevel: 'info' });
for (const portal of province.portals) console.log(`${portal.name}: ${portal.url}`);
console.log(`One server for all three: ${province.api}/sites (status: …/sites/<site>/status)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void province.close().then(() => process.exit(0));
  });
}
