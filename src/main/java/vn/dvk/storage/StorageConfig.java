package vn.dvk.storage;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link FileStore} that {@code dvk.storage.type} chooses. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StorageProperties.class, UploadsProperties.class})
class StorageConfig {

    private static final Logger log = LoggerFactory.getLogger(StorageConfig.class);

    @Bean
    FileStore fileStore(StorageProperties storage, UploadsProperties uploads) {
        FileStore store = create(storage, uploads.dir());
        log.info("Files are stored in the {}", store.describe());
        return store;
    }

    static FileStore create(StorageProperties storage, String dir) {
        return storage.type() == StorageProperties.Type.S3
                ? S3FileStore.of(storage.s3())
                : new LocalFileStore(Path.of(dir));
    }
}
