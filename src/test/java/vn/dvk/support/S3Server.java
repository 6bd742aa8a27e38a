package vn.dvk.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.FilesystemApiMetadata;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real S3 server inside the test JVM: S3Proxy over jclouds' filesystem store in a temporary folder, with one bucket,
 * signature checking on, on a fixed free port so that it can be stopped and started again at the same address.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "dvk-test-access";
    public static final String SECRET_KEY = "dvk-test-secret-0123456789";

    private final String bucket;
    private final Path folder;
    private final BlobStoreContext blobs;
    private final S3Proxy proxy;
    private final int port;

    private S3Server(String bucket) throws Exception {
        this.bucket = bucket;
        this.folder = Files.createTempDirectory("dvk-s3-");
        Properties p = new Properties();
        p.setProperty("jclouds.filesystem.basedir", folder.toString());
        this.blobs = ContextBuilder.newBuilder(new FilesystemApiMetadata())
                .overrides(p)
                .buildView(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, bucket);
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        this.proxy = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        start();
    }

    /** Starts a server with this bucket. */
    public static S3Server start(String bucket) {
        try {
            return new S3Server(bucket);
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String bucket() {
        return bucket;
    }

    /** The settings that point DVK at this server. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("dvk.storage.type", () -> "s3");
        registry.add("dvk.storage.s3.bucket", this::bucket);
        registry.add("dvk.storage.s3.endpoint", this::endpoint);
        registry.add("dvk.storage.s3.access-key", () -> ACCESS_KEY);
        registry.add("dvk.storage.s3.secret-key", () -> SECRET_KEY);
        registry.add("dvk.storage.s3.timeout", () -> "PT5S");
    }

    /** The keys of the objects in the bucket, read from the server's own folder. */
    public List<String> keys() {
        Path root = folder.resolve(bucket);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of an object, read from the server's own folder. */
    public byte[] bytes(String key) {
        try {
            return Files.readAllBytes(folder.resolve(bucket).resolve(key));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void start() {
        try {
            proxy.start();
            for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(25);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("S3Proxy is " + proxy.getState());
        }
    }

    @Override
    public void close() {
        stop();
        blobs.close();
    }
}
