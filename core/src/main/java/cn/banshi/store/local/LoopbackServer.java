package cn.banshi.store.local;

/** A local server running as a child process on a loopback port (dynalite, s3rver); closing stops it. */
abstract class LoopbackServer implements AutoCloseable {
    private final Process process;
    private final int port;

    LoopbackServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        Loopback.stop(process);
    }
}
