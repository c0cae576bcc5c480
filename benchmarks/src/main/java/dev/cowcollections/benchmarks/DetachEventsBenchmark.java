package dev.cowcollections.benchmarks;

import dev.cowcollections.CowList;
import dev.cowcollections.CowMap;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import jdk.jfr.FlightRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What the Flight Recorder events cost: the same code in four kinds of fork, side by side in one
 * run. {@code Events}: the library as shipped, nobody recording. {@code NoEvents}: the same jar
 * with {@code -Ddev.cowcollections.jfr=false}, which the library reads once into a
 * {@code static final}, so the event facade compiles to nothing: the code without the events.
 * {@code Recording}: a recording with the JDK's default settings, where every detach is an event
 * with its stack trace. {@code RecordingFiltered}: the same recording with
 * {@code bytesThreshold} at 1 GB, so detaches are tested against the threshold and none is
 * written.
 *
 * <p>The fork options are {@code jvmArgsPrepend}, which a command line's or the report's
 * {@code jvmArgsAppend} leaves alone, and every trial checks that its fork really is the kind its
 * name says.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DetachEventsBenchmark {

    private static final String SWITCH_OFF = "-Ddev.cowcollections.jfr=false";
    private static final String RECORDING = "-XX:StartFlightRecording";
    private static final String RECORDING_FILTERED = "-XX:StartFlightRecording:+dev.cowcollections.Detach#bytesThreshold=1GB";
    private static final String QUIET_RECORDING = "-Xlog:jfr+startup=warning";

    @Param({"10", "1000"})
    int size;

    private Object[] elements;
    private Object extra;
    private CowList<Object> list;
    private CowMap<Object, Object> map;

    /** Fails the trial when the fork is not what the benchmark's name says it measures. */
    @Setup
    public void checkFork(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        boolean switchedOff = "false".equals(System.getProperty("dev.cowcollections.jfr"));
        boolean recording = FlightRecorder.isInitialized() && !FlightRecorder.getFlightRecorder().getRecordings().isEmpty();
        boolean wantsOff = benchmark.endsWith("NoEvents");
        boolean wantsRecording = benchmark.contains("Recording");
        if (switchedOff != wantsOff || recording != wantsRecording) {
            throw new IllegalStateException(benchmark + " ran in a fork with " + params.getJvmArgs()
                    + ": switched off " + switchedOff + ", recording " + recording);
        }
    }

    @Setup
    public void fill() {
        elements = Elements.of("Integer", size);
        extra = Elements.element("Integer", -1);
    }

    /**
     * Fresh sources each iteration: the benchmarks drop their copies, and dropped copies keep
     * their share, so the count would otherwise climb towards its ceiling.
     */
    @Setup(Level.Iteration)
    public void freshSources() {
        list = new CowList<>(Arrays.asList(elements));
        map = Maps.filled(new CowMap<>(), elements, elements);
    }

    // copy(): a retain, which passes the Copy and Saturated events' door

    @Benchmark
    @Fork(jvmArgsPrepend = SWITCH_OFF)
    public CowList<Object> copy_CowListNoEvents() {
        return list.copy();
    }

    @Benchmark
    @Goal(baseline = "CowListNoEvents", atMost = 1.05)
    public CowList<Object> copy_CowListEvents() {
        return list.copy();
    }

    @Benchmark
    @Fork(jvmArgsPrepend = {RECORDING, QUIET_RECORDING})
    public CowList<Object> copy_CowListRecording() {
        return list.copy();
    }

    @Benchmark
    @Fork(jvmArgsPrepend = {RECORDING_FILTERED, QUIET_RECORDING})
    public CowList<Object> copy_CowListRecordingFiltered() {
        return list.copy();
    }

    // The first write after a copy: the detach, which passes the Detach event's door

    @Benchmark
    @Fork(jvmArgsPrepend = SWITCH_OFF)
    public CowList<Object> copyThenAdd_CowListNoEvents() {
        CowList<Object> copy = list.copy();
        copy.add(extra);
        return copy;
    }

    @Benchmark
    @Goal(baseline = "CowListNoEvents", atMost = 1.05)
    public CowList<Object> copyThenAdd_CowListEvents() {
        CowList<Object> copy = list.copy();
        copy.add(extra);
        return copy;
    }

    @Benchmark
    @Fork(jvmArgsPrepend = {RECORDING, QUIET_RECORDING})
    public CowList<Object> copyThenAdd_CowListRecording() {
        CowList<Object> copy = list.copy();
        copy.add(extra);
        return copy;
    }

    @Benchmark
    @Fork(jvmArgsPrepend = {RECORDING_FILTERED, QUIET_RECORDING})
    public CowList<Object> copyThenAdd_CowListRecordingFiltered() {
        CowList<Object> copy = list.copy();
        copy.add(extra);
        return copy;
    }

    @Benchmark
    @Fork(jvmArgsPrepend = SWITCH_OFF)
    public CowMap<Object, Object> copyThenPut_CowMapNoEvents() {
        CowMap<Object, Object> copy = map.copy();
        copy.put(extra, extra);
        return copy;
    }

    @Benchmark
    @Goal(baseline = "CowMapNoEvents", atMost = 1.05)
    public CowMap<Object, Object> copyThenPut_CowMapEvents() {
        CowMap<Object, Object> copy = map.copy();
        copy.put(extra, extra);
        return copy;
    }

    @Benchmark
    @Fork(jvmArgsPrepend = {RECORDING, QUIET_RECORDING})
    public CowMap<Object, Object> copyThenPut_CowMapRecording() {
        CowMap<Object, Object> copy = map.copy();
        copy.put(extra, extra);
        return copy;
    }

    @Benchmark
    @Fork(jvmArgsPrepend = {RECORDING_FILTERED, QUIET_RECORDING})
    public CowMap<Object, Object> copyThenPut_CowMapRecordingFiltered() {
        CowMap<Object, Object> copy = map.copy();
        copy.put(extra, extra);
        return copy;
    }
}
