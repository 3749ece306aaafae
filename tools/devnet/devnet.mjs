// A real, local Bluesky network for the replies tests: PLC, PDS and AppView from
// @atproto/dev-env, on loopback ports, with Postgres and Redis given by the environment
// (DB_POSTGRES_URL, REDIS_HOST). It makes two accounts, a post by the leader and a small
// thread of replies, prints one JSON line describing them, then serves until stdin closes.
import { TestNetwork } from '@atproto/dev-env'

const network = await TestNetwork.create({
  dbPostgresSchema: 'ts_' + Math.random().toString(36).replace(/[^a-z]/g, ''),
  pds: { hostname: 'localhost' },
})
const sc = network.getSeedClient()
const leader = await sc.createAccount('amara', {
  email: 'amara@devnet.test',
  handle: 'amara.test',
  password: 'amara-pass',
})
const reader = await sc.createAccount('dana', {
  email: 'dana@devnet.test',
  handle: 'dana.test',
  password: 'dana-pass',
})
await sc.agent.app.bsky.actor.profile.create(
  { repo: reader.did },
  { displayName: 'Dana Reed', description: 'reads everything' },
  sc.getHeaders(reader.did),
)
const root = await sc.post(leader.did, 'A new post on the blog')
const reply = await sc.reply(reader.did, root.ref, root.ref, 'Loved it <script>alert(1)</script>')
await sc.reply(leader.did, root.ref, reply.ref, 'Thank you, Dana!')
await sc.like(reader.did, root.ref)
await network.processAll()
console.log(
  JSON.stringify({
    appview: network.bsky.url,
    pds: network.pds.url,
    leader: { did: leader.did, handle: 'amara.test', password: 'amara-pass' },
    post: root.ref.uri.rkey,
  }),
)
process.stdin.resume()
process.stdin.on('end', async () => {
  await network.close()
  process.exit(0)
})
