package com.rialtobridge.documents.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory file, re-read when it changes, so that disabling, rotating or removing a key takes
 * effect without a restart. A request looks at the file's attributes at most once per check interval
 * (one stat call, no parsing); only a changed file is read again. An edit that does not parse keeps
 * the last good directory in force and is logged once, in one line, naming the file and the fault:
 * an operator's typo must neither lock every caller out nor let anyone in.
 */
public final class ReloadingDirectorySource implements DirectorySource {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingDirectorySource.class);

    /** What identifies a version of the file: an atomic replace changes the file key, an edit in place the time or size. */
    private record Version(Object fileKey, long modifiedNanos, long size) {
    }

    private final DirectoryFile file;
    private final long checkIntervalNanos;
    private volatile Directory current;
    private volatile long nextCheck;
    private Version seen;

    private ReloadingDirectorySource(DirectoryFile file, Directory initial, Version version, Duration checkInterval) {
        this.file = file;
        this.current = initial;
        this.seen = version;
        this.checkIntervalNanos = checkInterval.toNanos();
        this.nextCheck = System.nanoTime() + checkIntervalNanos;
    }

    /** Reads the file now; a start with a broken file fails, as before. */
    public static ReloadingDirectorySource open(DirectoryFile file, Duration checkInterval) throws InvalidDirectoryException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(checkInterval, "checkInterval");
        Version version = versionOf(file);
        return new ReloadingDirectorySource(file, file.read(), version, checkInterval);
    }

    @Override
    public Directory current() {
        if (System.nanoTime() - nextCheck >= 0) {
            reloadIfChanged();
        }
        return current;
    }

    /** Checks the file now, whatever the interval; reloads it if it changed. */
    public synchronized void reloadIfChanged() {
        nextCheck = System.nanoTime() + checkIntervalNanos;
        Version version = versionOf(file);
        if (Objects.equals(version, seen)) {
            return;
        }
        seen = version;
        try {
            Directory fresh = file.read();
            current = fresh;
            LOG.info("directory file {} reloaded: {} managers, {} keys", file.path(), fresh.managers().size(), fresh.keyCount());
        } catch (InvalidDirectoryException e) {
            LOG.warn("directory file changed but is not valid; keeping the last good directory: {}", e.getMessage());
        }
    }

    private static Version versionOf(DirectoryFile file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file.path(), BasicFileAttributes.class);
            return new Version(attributes.fileKey(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), attributes.size());
        } catch (IOException e) {
            // Missing for a moment (an editor's save) or unreadable: a version of its own, reported by read().
            return new Version(null, -1, -1);
        }
    }
}
