package org.plasticity.layered.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.plasticity.DataException;

/**
 * Opens the data files of this package, plain or gzipped (recognised by the magic bytes {@code 1f 8b}), as streams
 * that report every problem as a one-line {@link DataException} naming the file.
 *
 * <p>Gzip is decoded here rather than by {@link java.util.zip.GZIPInputStream}, which silently ignores bytes after
 * the last member that do not start another member: a file with trailing garbage would be accepted. Here every
 * member's CRC-32 and length are checked, further members must follow directly (as {@code cat a.gz b.gz} makes them),
 * and anything else after the data is refused. Decompression is lazy, so readers can check the sizes a header
 * declares before anything large is allocated and stop a gzip bomb after the bytes they expect.
 */
final class DataFile {
    /** The largest array length every JVM allows. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int MAX_TRAILING_COUNTED = 1 << 20;

    private DataFile() {
    }

    /** @return the decompressed content of {@code file}; close it when done. */
    static Content open(Path file) {
        InputStream raw;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new DataException(file, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new DataException(file, "permission denied", e);
        } catch (IOException e) {
            throw new DataException(file, "cannot read: " + e, e);
        }
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            return b0 == 0x1f && b1 == 0x8b ? new Gunzip(file, raw) : new Plain(file, raw);
        } catch (IOException e) {
            close(raw);
            throw new DataException(file, "cannot read: " + e, e);
        }
    }

    /**
     * Reads a whole file, decompressed, refusing more than {@code maxBytes} without reading past them.
     *
     * @param what what the file should hold, for the message when it is too large
     */
    static byte[] readAll(Path file, long maxBytes, String what) {
        try (InputStream in = open(file)) {
            byte[] b = in.readNBytes((int) Math.min(maxBytes + 1, MAX_ARRAY));
            if (b.length > maxBytes) {
                throw new DataException(file, tooLarge("more than " + maxBytes + " bytes", what));
            }
            return b;
        } catch (IOException e) {
            throw new DataException(file, "cannot read: " + e, e);
        }
    }

    /** @return a message for content beyond what this JVM can hold (a gzip bomb, a wrong file, too small a heap). */
    static String tooLarge(String size, String what) {
        return size + " is too large for " + what + " (at most " + heapMegabytes() + " MB of heap; a wrong or "
                + "damaged file, or raise -Xmx)";
    }

    /** @return the bytes this JVM may use at most; sizes checked against it before allocating. */
    static long heapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    private static long heapMegabytes() {
        return heapBytes() >> 20;
    }

    /** Fills {@code b} as far as the stream allows; @return how many bytes were read. */
    static int readFully(InputStream in, byte[] b) throws IOException {
        return in.readNBytes(b, 0, b.length);
    }

    /**
     * Refuses anything after the expected content: counts the extra bytes (up to a bound, since a gzip bomb has
     * no end worth waiting for) and names them.
     */
    static void requireEnd(Path file, Content in, String after) throws IOException {
        long extra = in.countUpTo(MAX_TRAILING_COUNTED + 1L);
        if (extra > 0) {
            throw new DataException(file, count(extra) + " trailing " + (extra == 1 ? "byte" : "bytes") + " after "
                    + after);
        }
    }

    /** @return a count of extra bytes, which is only counted up to a bound. */
    private static String count(long extra) {
        return extra > MAX_TRAILING_COUNTED ? "more than " + MAX_TRAILING_COUNTED : String.valueOf(extra);
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }

    /** A stream of a data file that can count what is left by reading it, bounded. */
    abstract static class Content extends InputStream {
        final Path file;

        Content(Path file) {
            this.file = file;
        }

        /** Reads and drops up to {@code n} bytes; @return how many there were. */
        long countUpTo(long n) throws IOException {
            byte[] sink = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }
    }

    private static final class Plain extends Content {
        private final InputStream in;

        Plain(Path file, InputStream in) {
            super(file);
            this.in = in;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw new DataException(file, "cannot read: " + e, e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** RFC 1952: members of header, deflate data, CRC-32 and length; nothing after the last member. */
    private static final class Gunzip extends Content {
        private static final int FHCRC = 2;
        private static final int FEXTRA = 4;
        private static final int FNAME = 8;
        private static final int FCOMMENT = 16;

        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int lim;
        private final Inflater inflater = new Inflater(true);
        private final CRC32 crc = new CRC32();
        private long memberBytes;
        private boolean done;

        Gunzip(Path file, InputStream in) throws IOException {
            super(file);
            this.in = in;
            header();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!done) {
                int n;
                try {
                    n = inflater.inflate(b, off, len);
                } catch (DataFormatException e) {
                    throw corrupt(e.getMessage());
                }
                pos = lim - inflater.getRemaining();
                if (n > 0) {
                    crc.update(b, off, n);
                    memberBytes += n;
                    return n;
                }
                if (inflater.finished()) {
                    endOfMember();
                } else if (inflater.needsDictionary()) {
                    throw corrupt("a preset dictionary, which gzip does not use");
                } else if (inflater.needsInput()) {
                    if (!fill()) {
                        throw corrupt("unexpected end of file");
                    }
                    inflater.setInput(buf, pos, lim - pos);
                }
            }
            return -1;
        }

        private void endOfMember() throws IOException {
            long storedCrc = int32le();
            long storedSize = int32le();
            if (storedCrc != crc.getValue()) {
                throw corrupt(String.format("CRC-32 mismatch: stored %08x, data %08x", storedCrc, crc.getValue()));
            }
            if (storedSize != (memberBytes & 0xFFFFFFFFL)) {
                throw corrupt("length mismatch: stored " + storedSize + ", data " + (memberBytes & 0xFFFFFFFFL));
            }
            if (!fill()) {
                done = true;
                return;
            }
            // another member may follow (cat a.gz b.gz); anything else is not gzip data
            int b0 = byte1();
            int b1 = fill() ? byte1() : -1;
            if (b0 != 0x1f || b1 != 0x8b) {
                long garbage = b1 < 0 ? 1 : 2;
                while (garbage <= MAX_TRAILING_COUNTED && fill()) {
                    garbage += lim - pos;
                    pos = lim;
                }
                throw new DataException(file, count(garbage) + (garbage == 1 ? " byte" : " bytes")
                        + " of trailing garbage after the gzip data");
            }
            inflater.reset();
            crc.reset();
            memberBytes = 0;
            headerAfterMagic();
        }

        private void header() throws IOException {
            if (byte1() != 0x1f || byte1() != 0x8b) {
                throw corrupt("not a gzip header");
            }
            headerAfterMagic();
        }

        private void headerAfterMagic() throws IOException {
            if (byte1() != 8) {
                throw corrupt("compression method is not deflate");
            }
            int flags = byte1();
            if ((flags & 0xE0) != 0) {
                throw corrupt("reserved header flags set");
            }
            for (int i = 0; i < 6; i++) {
                byte1(); // modification time, extra flags, operating system
            }
            if ((flags & FEXTRA) != 0) {
                int length = byte1() | byte1() << 8;
                for (int i = 0; i < length; i++) {
                    byte1();
                }
            }
            if ((flags & FNAME) != 0) {
                while (byte1() != 0) {
                    // the original file name, zero-terminated
                }
            }
            if ((flags & FCOMMENT) != 0) {
                while (byte1() != 0) {
                    // a comment, zero-terminated
                }
            }
            if ((flags & FHCRC) != 0) {
                byte1();
                byte1();
            }
            inflater.setInput(buf, pos, lim - pos);
        }

        private long int32le() throws IOException {
            return byte1() | (long) byte1() << 8 | (long) byte1() << 16 | (long) byte1() << 24;
        }

        private int byte1() throws IOException {
            if (pos == lim && !fill()) {
                throw corrupt("unexpected end of file");
            }
            return buf[pos++] & 0xFF;
        }

        /** Reads more compressed bytes when all are used; @return false at the end of the file. */
        private boolean fill() throws IOException {
            if (pos < lim) {
                return true;
            }
            int n;
            try {
                n = in.read(buf, 0, buf.length);
            } catch (IOException e) {
                throw new DataException(file, "cannot read: " + e, e);
            }
            if (n <= 0) {
                return false;
            }
            pos = 0;
            lim = n;
            return true;
        }

        private DataException corrupt(String why) {
            return new DataException(file, "corrupt gzip data (" + why + ")");
        }

        @Override
        public void close() throws IOException {
            inflater.end();
            in.close();
        }
    }
}
