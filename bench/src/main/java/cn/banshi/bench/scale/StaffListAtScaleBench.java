package cn.banshi.bench.scale;

import cn.banshi.bench.BenchEnv;

public final class StaffListAtScaleBench {
    public StaffListAtScaleBench(BenchEnv env) {}
    public String run(int cases) { return ""; }
}
