// Preloaded into dynalite (node -r) by cn.banshi.store.local.Dynalite. dynalite 4.0.0 rethrows a request's 'error'
// event (index.js: req.on('error', function (err) { throw err })), so one client that dies in the middle of sending
// a request (a ./banshi report stopped with Ctrl-C, a test that kills a job's process) would bring down the whole
// local DynamoDB and every other client with it. Such an aborted request concerns only that client: it is dropped.
// Any other uncaught error still ends the process, as node would.
process.on('uncaughtException', (err) => {
  if (err && err.code === 'ECONNRESET' && err.message === 'aborted') return;
  console.error(err);
  process.exit(1);
});
