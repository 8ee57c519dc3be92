package io.eurekaagent.client;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Unzips a gzip body as it is read, refusing to grow past a limit: a small answer must not unzip into the app's
 * whole heap (a gzip bomb), and it is never held unzipped in memory at all.
 */
final class Gzip {
    private Gzip() {
    }

    /** The unzipped body; reading past {@code limit} bytes throws an IOException that says so. */
    static InputStream open(byte[] gzipped, long limit) throws IOException {
        return new FilterInputStream(new GZIPInputStream(new ByteArrayInputStream(gzipped), 16 * 1024)) {
            private long read;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0 && (read += n) > limit) {
                    throw new IOException("the answer unzips to more than " + limit / 1024 / 1024 + " MB");
                }
                return n;
            }
        };
    }
}
