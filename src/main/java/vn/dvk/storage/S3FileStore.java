package vn.dvk.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files as objects of one bucket of S3 or an S3-compatible server (MinIO, Ceph, S3Proxy), with the AWS SDK v2. A
 * put is one PutObject with the content's MD5, so the server stores the whole object or none (and refuses one
 * altered on the way); never a multipart upload that could be left half done.
 */
class S3FileStore implements FileStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String where;

    S3FileStore(S3Client s3, String bucket, String prefix, String where) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isBlank() ? "" : prefix.replaceAll("^/+|/+$", "") + "/";
        this.where = where;
    }

    /** A client for these settings: endpoint override and path-style access for S3-compatible servers. */
    static S3FileStore of(StorageProperties.S3 c) {
        if (c.bucket() == null || c.bucket().isBlank()) {
            throw new IllegalStateException("the S3 store needs a bucket: dvk.storage.s3.bucket (DVK_S3_BUCKET)");
        }
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(c.region()))
                .credentialsProvider(credentials(c))
                .forcePathStyle(c.usePathStyle())
                // checksums only where the operation requires them: S3-compatible servers do not all take the
                // newer trailing checksums; each put carries Content-MD5 instead
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(c.timeout())
                        .apiCallTimeout(c.timeout().multipliedBy(3)));
        String where = "bucket " + c.bucket();
        if (c.endpoint() != null && !c.endpoint().isBlank()) {
            b.endpointOverride(URI.create(c.endpoint()));
            where += " at " + c.endpoint();
        }
        return new S3FileStore(b.build(), c.bucket(), c.prefix(), where);
    }

    private static AwsCredentialsProvider credentials(StorageProperties.S3 c) {
        if (c.accessKey() != null && !c.accessKey().isBlank()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKey(), c.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        put(key, RequestBody.fromBytes(content), content.length, md5(content), contentType);
    }

    @Override
    public void put(String key, Path file, String contentType) {
        try {
            long size = Files.size(file);
            MessageDigest md = digest();
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            put(key, RequestBody.fromFile(file), size, Base64.getEncoder().encodeToString(md.digest()), contentType);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private void put(String key, RequestBody body, long size, String md5, String contentType) {
        call(
                "put",
                key,
                object -> s3.putObject(
                        r -> r.bucket(bucket)
                                .key(object)
                                .contentType(contentType)
                                .contentLength(size)
                                .contentMD5(md5),
                        body));
    }

    @Override
    public InputStream open(String key) {
        return call("get", key, object -> s3.getObject(r -> r.bucket(bucket).key(object)));
    }

    @Override
    public boolean exists(String key) {
        return size(key) >= 0;
    }

    /** The stored object's size, or -1 when there is none. */
    long size(String key) {
        try {
            return call(
                            "head",
                            key,
                            object -> s3.headObject(r -> r.bucket(bucket).key(object)))
                    .contentLength();
        } catch (Missing e) {
            return -1;
        }
    }

    @Override
    public void delete(String key) {
        call("delete", key, object -> s3.deleteObject(r -> r.bucket(bucket).key(object)));
    }

    @Override
    public List<Stored> list() {
        try {
            return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(o -> new Stored(o.key().substring(prefix.length()), o.lastModified()))
                    .filter(o -> o.key().length() <= 200 && KEY.matcher(o.key()).matches())
                    .toList();
        } catch (SdkException e) {
            throw unavailable("list", prefix, e);
        }
    }

    /** Runs one S3 call on the key's object: {@link Missing} for a 404, {@link Unavailable} for any other failure. */
    private <T> T call(String operation, String key, Function<String, T> request) {
        String object = prefix + FileStore.checkKey(key);
        try {
            return request.apply(object);
        } catch (S3Exception e) {
            if (e.statusCode() == 404
                    && (e.awsErrorDetails() == null
                            || !"NoSuchBucket".equals(e.awsErrorDetails().errorCode()))) {
                throw new Missing();
            }
            throw unavailable(operation, object, e);
        } catch (SdkException e) {
            throw unavailable(operation, object, e);
        }
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public void close() {
        s3.close();
    }

    private Unavailable unavailable(String operation, String object, SdkException e) {
        return new Unavailable("S3 " + operation + " of " + object + " in " + where + " failed: " + e.getMessage(), e);
    }

    static String md5(byte[] content) {
        return Base64.getEncoder().encodeToString(digest().digest(content));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
