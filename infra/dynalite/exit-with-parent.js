// Preloaded into dynalite (node -r) by cn.banshi.store.local.Dynalite: the JVM that started dynalite holds the
// other end of its stdin. When that JVM dies, even by SIGKILL, stdin ends and dynalite exits too, so that no
// orphan keeps the port and the lock on the data directory (./banshi up after a kill -9 starts cleanly).
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

// A client killed in the middle of a request (the kill-and-restart tests do exactly that) can make writing the
// response fail after the socket is gone; that must not take the server down with it for every other client.
const clientGone = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);
process.on('uncaughtException', (err) => {
  if (err && clientGone.has(err.code)) return;
  console.error(err);
  process.exit(1);
});
