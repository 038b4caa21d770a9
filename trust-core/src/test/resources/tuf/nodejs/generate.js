// Generates TUF metadata signed by Node's crypto (ed25519, ecdsa P-256 DER, rsassa-pss salt 32)
// with key IDs and canonical form from @tufjs/canonical-json; unknown fields included.
const fs = require('fs');
const crypto = require('crypto');
const { canonicalize } = require('@tufjs/canonical-json');
const out = process.argv[2];
fs.mkdirSync(out, { recursive: true });
const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex');
function mk(type) {
  if (type === 'ed25519') {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
    return { json: { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: raw.toString('hex') } },
      sign: (d) => crypto.sign(null, d, privateKey) };
  }
  if (type === 'ecdsa') {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return { json: { keytype: 'ecdsa', scheme: 'ecdsa-sha2-nistp256', keyid_hash_algorithms: ['sha256', 'sha512'],
        keyval: { public: publicKey.export({ format: 'pem', type: 'spki' }) } },
      sign: (d) => crypto.sign('sha256', d, privateKey) };
  }
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { json: { keytype: 'rsa', scheme: 'rsassa-pss-sha256', keyval: { public: publicKey.export({ format: 'pem', type: 'spki' }) } },
    sign: (d) => crypto.sign('sha256', d, { key: privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }) };
}
const keys = ['ed25519', 'ecdsa', 'rsa'].map(mk);
keys.forEach((k) => { k.id = sha256(canonicalize(k.json)); });
const ids = keys.map((k) => k.id);
const exp = '2030-01-01T00:00:00Z';
function write(name, signed) {
  const data = Buffer.from(canonicalize(signed));
  const signatures = keys.map((k) => ({ keyid: k.id, sig: k.sign(data).toString('hex') }));
  fs.writeFileSync(`${out}/${name}.json`, JSON.stringify({ signatures, signed }, null, 1));
}
const roles = {};
for (const r of ['root', 'timestamp', 'snapshot', 'targets']) roles[r] = { keyids: ids, threshold: 3 };
const keyMap = {};
keys.forEach((k) => { keyMap[k.id] = k.json; });
write('root', { _type: 'root', spec_version: '1.0.31', version: 1, expires: exp, consistent_snapshot: true,
  keys: keyMap, roles, 'x-unknown': { nested: ['é', '\u2028', 'line\nbreak'] } });
write('targets', { _type: 'targets', spec_version: '1.0.31', version: 1, expires: exp,
  targets: { 'a/b.txt': { length: 3, hashes: { sha256: sha256(Buffer.from([1, 2, 3])) }, custom: { z: 1, a: 'ü' } } },
  delegations: { keys: {}, succinct_roles: { keyids: [], threshold: 1, bit_length: 8, name_prefix: 'bin' } } });
console.log('written', ids);
