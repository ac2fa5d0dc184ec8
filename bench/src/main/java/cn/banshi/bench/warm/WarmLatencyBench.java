package cn.banshi.bench.warm;

import cn.banshi.bench.BenchEnv;

public final class WarmLatencyBench {
    public WarmLatencyBench(BenchEnv env) {}
    public String run(int iterations) { return ""; }
}
