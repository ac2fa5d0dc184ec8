// The local S3 API server of ./banshi up and the test suite: s3rver (pinned in package.json), started by
// cn.banshi.store.local.LocalS3Server as `node server.js --port P --directory DIR [--buckets a,b] [--origins o1,o2]`.
//
// s3rver stores POST Object (browser form) uploads but checks nothing of their policy, and accepts any SigV4
// signature. A form POST here is checked the way S3 checks it before s3rver stores it (docs/attachments.md):
// the policy's SigV4 signature (key S3RVER/S3RVER, the s3rver account), its expiration, every condition
// (exact and starts-with fields, bucket, content-length-range) and that no form field is outside the policy.
'use strict';

const crypto = require('crypto');
const Busboy = require('busboy');
const S3rver = require('s3rver');
const { TaggingConfiguration } = require('s3rver/lib/models/config');

// The JVM that started this server holds the other end of stdin: when it dies, even by SIGKILL, stdin ends and
// the server exits too, so no orphan keeps the port (as infra/dynalite/exit-with-parent.js does for dynalite).
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';
const MAX_FORM_BYTES = 64 * 1024 * 1024;

function option(name, fallback) {
  const i = process.argv.indexOf('--' + name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

function list(value) {
  return value ? value.split(',').filter(Boolean) : [];
}

function corsXml(origins) {
  const allowed = origins.map(o => `<AllowedOrigin>${o}</AllowedOrigin>`).join('');
  return (
    '<CORSConfiguration><CORSRule>' + allowed +
    '<AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedMethod>POST</AllowedMethod>' +
    '<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds>' +
    '</CORSRule></CORSConfiguration>'
  );
}

function errorXml(code, message) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

class PolicyError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const denied = message => new PolicyError(403, 'AccessDenied', 'Invalid according to Policy: ' + message);

function hmac(key, data) {
  return crypto.createHmac('sha256', key).update(data).digest();
}

/** Reads the whole form (bounded), then its fields and the file's length. */
async function readForm(req, headers) {
  const body = await readBody(req);
  return new Promise((resolve, reject) => {
    const fields = {};
    let fileSize = -1;
    let busboy;
    try {
      busboy = new Busboy({ headers });
    } catch (err) {
      reject(new PolicyError(400, 'MalformedPOSTRequest', err.message));
      return;
    }
    busboy.on('field', (name, value) => {
      if (name === 'file') {
        if (fileSize < 0) fileSize = Buffer.byteLength(value);
      } else if (fileSize < 0) {
        fields[name.toLowerCase()] = value;
      }
    });
    busboy.on('file', (name, file) => {
      if (name !== 'file' || fileSize >= 0) {
        file.resume();
        return;
      }
      let size = 0;
      file.on('data', d => (size += d.length));
      file.on('end', () => (fileSize = size));
    });
    busboy.on('error', err => reject(new PolicyError(400, 'MalformedPOSTRequest', err.message)));
    busboy.on('finish', () => resolve({ body, fields, fileSize }));
    busboy.end(body);
  });
}

function checkPolicy(bucket, fields, fileSize) {
  if (!fields.policy) throw new PolicyError(403, 'AccessDenied', 'Bucket POST must contain a policy');
  if (fields['x-amz-algorithm'] !== 'AWS4-HMAC-SHA256') throw denied('x-amz-algorithm must be AWS4-HMAC-SHA256');
  const credential = (fields['x-amz-credential'] || '').split('/');
  if (credential.length !== 5 || credential[0] !== ACCESS_KEY || credential[3] !== 's3') {
    throw new PolicyError(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  }
  const [, date, region] = credential;
  const signingKey = hmac(hmac(hmac(hmac('AWS4' + SECRET_KEY, date), region), 's3'), 'aws4_request');
  const expected = hmac(signingKey, fields.policy).toString('hex');
  const given = Buffer.from(fields['x-amz-signature'] || '');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, Buffer.from(expected))) {
    throw new PolicyError(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
  }
  let policy;
  try {
    policy = JSON.parse(Buffer.from(fields.policy, 'base64').toString('utf8'));
  } catch (err) {
    throw new PolicyError(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.');
  }
  const expiration = Date.parse(policy.expiration);
  if (!Number.isFinite(expiration)) throw new PolicyError(400, 'InvalidPolicyDocument', 'Invalid Policy: expiration');
  if (expiration < Date.now()) throw denied('Policy expired.');
  const values = Object.assign({}, fields, { bucket });
  const covered = new Set(['policy', 'x-amz-signature', 'file']);
  for (const condition of policy.conditions || []) {
    if (Array.isArray(condition) && condition[0] === 'content-length-range') {
      const [, min, max] = condition;
      if (fileSize < Number(min)) {
        throw new PolicyError(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size');
      }
      if (fileSize > Number(max)) {
        throw new PolicyError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
      }
      continue;
    }
    let op;
    let name;
    let value;
    if (Array.isArray(condition)) {
      [op, name, value] = condition;
      if (typeof name !== 'string' || !name.startsWith('$')) throw denied('bad condition ' + JSON.stringify(condition));
      name = name.slice(1).toLowerCase();
    } else if (condition && typeof condition === 'object' && Object.keys(condition).length === 1) {
      op = 'eq';
      [name] = Object.keys(condition);
      value = condition[name];
      name = name.toLowerCase();
    } else {
      throw denied('bad condition ' + JSON.stringify(condition));
    }
    covered.add(name);
    const actual = values[name];
    if (actual === undefined) throw denied(`Policy Condition failed: ["${op}", "$${name}", "${value}"]`);
    if (op === 'eq' ? actual !== value : op === 'starts-with' ? !actual.startsWith(value) : true) {
      throw denied(`Policy Condition failed: ["${op}", "$${name}", "${value}"]`);
    }
  }
  for (const name of Object.keys(fields)) {
    if (!covered.has(name) && !name.startsWith('x-ignore-')) throw denied(`Extra input fields: ${name}`);
  }
}

/** Koa middleware before s3rver's routes: a form POST to a bucket is checked, then handed on as it came. */
function postPolicy() {
  return async (ctx, next) => {
    const bucket = ctx.path.split('/')[1];
    const isFormPost =
      ctx.method === 'POST' &&
      bucket &&
      ctx.path.split('/').filter(Boolean).length === 1 &&
      ctx.is('multipart/form-data');
    if (!isFormPost) return next();
    try {
      const { body, fields, fileSize } = await readForm(ctx.req, ctx.headers);
      checkPolicy(bucket, fields, fileSize);
      // s3rver's POST Object pipes the request into its form parser: give it the bytes already read
      ctx.req.pipe = destination => {
        destination.end(body);
        return destination;
      };
    } catch (err) {
      if (!(err instanceof PolicyError)) throw err;
      // the refusal is readable by the page that posted (S3 answers its CORS headers on errors too)
      const origin = ctx.get('origin');
      if (origin && (origins.includes('*') || origins.includes(origin))) {
        ctx.set('Access-Control-Allow-Origin', origins.includes('*') ? '*' : origin);
      }
      ctx.status = err.status;
      ctx.type = 'application/xml';
      ctx.body = errorXml(err.code, err.message);
      return;
    }
    return next();
  };
}

/** Reads the whole request body, refusing one over MAX_FORM_BYTES. */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let length = 0;
    req.on('data', chunk => {
      length += chunk.length;
      if (length > MAX_FORM_BYTES) {
        reject(new PolicyError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** The payload of an aws-chunked body: "SIZE;chunk-signature=…\r\nDATA\r\n" … "0;…\r\n", then trailers. */
function decodeChunks(body) {
  const parts = [];
  let at = 0;
  for (;;) {
    const end = body.indexOf('\r\n', at);
    if (end < 0) throw new PolicyError(400, 'IncompleteBody', 'bad aws-chunked body');
    const size = parseInt(body.toString('latin1', at, end).split(';')[0], 16);
    if (!Number.isFinite(size)) throw new PolicyError(400, 'IncompleteBody', 'bad aws-chunked body');
    if (size === 0) return Buffer.concat(parts);
    parts.push(body.subarray(end + 2, end + 2 + size));
    at = end + 2 + size + 2;
  }
}

/**
 * The Java SDK sends PUT bodies over plain HTTP aws-chunked (signed chunks, trailing checksums), which s3rver
 * 3.7.1 would store as they came: the payload is unwrapped here first, as S3 does.
 */
function awsChunked() {
  return async (ctx, next) => {
    const sha = ctx.get('x-amz-content-sha256');
    const encoding = ctx.get('content-encoding');
    if (!sha.startsWith('STREAMING-') && !encoding.includes('aws-chunked')) return next();
    let payload;
    try {
      payload = decodeChunks(await readBody(ctx.req));
    } catch (err) {
      if (!(err instanceof PolicyError)) throw err;
      ctx.status = err.status;
      ctx.type = 'application/xml';
      ctx.body = errorXml(err.code, err.message);
      return;
    }
    const headers = ctx.req.headers;
    headers['content-length'] = String(payload.length);
    const rest = encoding
      .split(',')
      .map(e => e.trim())
      .filter(e => e && e !== 'aws-chunked');
    if (rest.length) headers['content-encoding'] = rest.join(',');
    else delete headers['content-encoding'];
    delete headers['x-amz-decoded-content-length'];
    delete headers['x-amz-trailer'];
    ctx.req.pipe = (destination, options) => {
      destination.end(payload);
      return destination;
    };
    return next();
  };
}

function xmlText(value) {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * PUT Object's x-amz-tagging header (URL-encoded "k=v&k2=v2"), which s3rver 3.7.1 ignores: the stored object gets
 * that tag set, and a PUT without it replaces the object with no tags, as S3 does. PUT/GET ?tagging are s3rver's own.
 */
function putObjectTagging() {
  return async (ctx, next) => {
    const parts = ctx.path.split('/');
    const isObjectPut =
      ctx.method === 'PUT' && parts.length > 2 && parts[2] && Object.keys(ctx.query).length === 0 &&
      !('x-amz-copy-source' in ctx.headers);
    if (!isObjectPut) return next();
    const header = ctx.get('x-amz-tagging');
    await next();
    if (ctx.status !== 200) return;
    const bucket = decodeURIComponent(parts[1]);
    const key = decodeURIComponent(parts.slice(2).join('/'));
    if (!header) {
      await ctx.app.context.store.deleteSubresource(bucket, key, 'tagging');
      return;
    }
    const tags = [...new URLSearchParams(header)]
      .map(([k, v]) => `<Tag><Key>${xmlText(k)}</Key><Value>${xmlText(v)}</Value></Tag>`)
      .join('');
    const xml = `<Tagging><TagSet>${tags}</TagSet></Tagging>`;
    await ctx.app.context.store.putSubresource(bucket, key, TaggingConfiguration.validate(xml));
  };
}

const origins = list(option('origins', '*'));
const server = new S3rver({
  port: Number(option('port', '0')),
  address: '127.0.0.1',
  silent: true,
  directory: option('directory'),
  configureBuckets: list(option('buckets')).map(name => ({ name, configs: [corsXml(origins)] })),
});
// the policy check runs before s3rver's logger, XML and routes, the CORS answer after it
server.middleware.unshift(postPolicy(), awsChunked(), putObjectTagging());
server.run().then(
  address => console.log(`s3rver listening on ${address.address}:${address.port}`),
  err => {
    console.error(err);
    process.exit(1);
  },
);
