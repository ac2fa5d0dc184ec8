package cn.banshi.api;

import cn.banshi.logging.Log;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda SnapStart runtime hooks (the CRaC API, which Lambda's Java runtime calls). Before the snapshot of an
 * initialised function: {@link ApiHandler#prime()}, so that the DynamoDB client's request path (marshalling,
 * signing, HTTP, unmarshalling), Jackson and the handler's classes are loaded and initialised in the snapshot.
 * After a restore: fresh seed material is mixed into the context's SecureRandom, so that environments restored
 * from one snapshot never continue one random sequence (defence in depth: SecureRandom on Linux also reads
 * /dev/urandom on every call). Registered only by the handlers' no-argument constructors, which only Lambda
 * uses; outside a CRaC runtime (tests, ./banshi up) the hooks are never called.
 */
public final class SnapStartPriming implements Resource {
    private static final Log LOG = Log.get(SnapStartPriming.class);
    /** org.crac holds resources weakly: these references keep them alive for the life of the environment. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private final ApiHandler handler;
    private final SecureRandom random;

    SnapStartPriming(ApiHandler handler, SecureRandom random) {
        this.handler = handler;
        this.random = random;
    }

    /** Registers the hooks for a handler built for Lambda; {@code random} is null if it draws no random numbers. */
    public static void register(ApiHandler handler, SecureRandom random) {
        SnapStartPriming hooks = new SnapStartPriming(handler, random);
        REGISTERED.add(hooks);
        Core.getGlobalContext().register(hooks);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            handler.prime();
        } catch (RuntimeException e) {
            // a failed priming only costs the first request some class loading; never fail the snapshot for it
            LOG.warn(
                    "snapstart priming failed",
                    "handler",
                    handler.getClass().getSimpleName(),
                    "exception",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        if (random == null) return;
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        random.setSeed(fresh);
        random.setSeed(ByteBuffer.allocate(16)
                .putLong(System.nanoTime())
                .putLong(System.currentTimeMillis())
                .array());
    }
}
