// Preloaded into dynalite (node -r) by cn.banshi.store.local.Dynalite: the JVM that started dynalite holds the
// other end of its stdin. When that JVM dies, even by SIGKILL, stdin ends and dynalite exits too, so that no
// orphan keeps the port and the lock on the data directory (./banshi up after a kill -9 starts cleanly).
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
