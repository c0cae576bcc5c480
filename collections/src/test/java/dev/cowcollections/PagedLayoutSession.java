package dev.cowcollections;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs a whole test session on the paged layout when the system property
 * {@value #GEOMETRY_PROPERTY} is set, as {@code pagedAbove,pageShift} (the {@code paged-layout}
 * execution of Surefire sets {@code 2,1}: lists of three elements or more live in pages of two,
 * and maps and sets with room for three entries or more in entry pages of one entry and index
 * pages of two slots). So every list, map and set suite, written for the flat layout, also
 * crosses page boundaries in every operation, as imbl runs its suites with {@code small-chunks}.
 */
public final class PagedLayoutSession implements LauncherSessionListener {

    static final String GEOMETRY_PROPERTY = "cowcollections.test.pageGeometry";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String geometry = System.getProperty(GEOMETRY_PROPERTY);
        if (geometry != null) {
            String[] parts = geometry.split(",");
            int pageShift = Integer.parseInt(parts[1].trim());
            PageDirectory.setGeometryForTesting(Integer.parseInt(parts[0].trim()), pageShift);
            IndexPages.setPageShiftForTesting(pageShift);
        }
    }

    /** Whether this session runs on forced tiny pages. */
    static boolean tinyPages() {
        return System.getProperty(GEOMETRY_PROPERTY) != null;
    }
}
