package dev.cowcollections;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.SettingControl;

/**
 * The {@code bytesThreshold} setting of {@link DetachEvent}: the fewest bytes a detach must copy
 * to be recorded, as {@code 0}, {@code 4096}, {@code 64 kB} or {@code 1 MB} (a kilobyte is 1 024
 * bytes, as {@code jfr print} counts them). The default, {@code 1 B}, keeps out the detaches that
 * copy nothing: the first write to a new empty collection leaves the static empty buffer, and
 * every program does that all the time.
 *
 * <p>JFR instantiates this class when it registers the event, and calls it under its own lock;
 * the event reads {@link #minimumBytes()} on any thread, hence the volatile field.
 */
final class BytesThreshold extends SettingControl {

    static final String DEFAULT = "1 B";

    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,18})\\s*(b|k|kb|m|mb|g|gb)?");

    private volatile long minimumBytes = 1;
    private volatile String value = DEFAULT;

    /** The smallest valid value, so that every recording gets all the events it asked for. */
    @Override
    public String combine(Set<String> settingValues) {
        String smallest = null;
        long smallestBytes = Long.MAX_VALUE;
        for (String candidate : settingValues) {
            long bytes = parse(candidate);
            if (bytes >= 0 && bytes < smallestBytes) {
                smallest = candidate;
                smallestBytes = bytes;
            }
        }
        return smallest == null ? DEFAULT : smallest;
    }

    /** Takes a valid value; ignores an invalid one, as a {@code SettingControl} must. */
    @Override
    public void setValue(String settingValue) {
        long bytes = parse(settingValue);
        if (bytes >= 0) {
            minimumBytes = bytes;
            value = settingValue;
        }
    }

    @Override
    public String getValue() {
        return value;
    }

    long minimumBytes() {
        return minimumBytes;
    }

    /** The bytes {@code text} stands for, or {@code -1} when it is not an amount of bytes. */
    static long parse(String text) {
        Matcher m = AMOUNT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return -1;
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2);
        int shift = unit == null || unit.equals("b") ? 0
                : unit.startsWith("k") ? 10
                : unit.startsWith("m") ? 20
                : 30;
        return amount > Long.MAX_VALUE >> shift ? -1 : amount << shift;
    }
}
