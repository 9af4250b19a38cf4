package org.plasticity.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.plasticity.ConfigException;

/**
 * Keeps a second process out of a folder that a sweep writes into: an exclusive lock on the file {@value #FILE}
 * inside it, which the operating system releases when the holder exits, however it exits. The file holds the
 * holder's pid for the message of the refused process. It stays in place after use: deleting it would let two
 * processes lock two different files under one name.
 */
public final class FolderLock implements AutoCloseable {
    public static final String FILE = ".sweep.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks the existing folder {@code dir}.
     *
     * @param shown the folder as the user gave it, for the message
     * @throws ConfigException when another process (or another sweep in this one) holds the lock
     */
    public static FolderLock acquire(Path dir, Path shown) throws IOException {
        FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM
        }
        if (lock == null) {
            ByteBuffer buf = ByteBuffer.allocate(32);
            ch.read(buf, 0);
            ch.close();
            String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
            throw new ConfigException("--out", shown + " is in use by another sweep (pid "
                    + (pid.isEmpty() ? "unknown" : pid) + ")");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        return new FolderLock(ch, lock);
    }

    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
