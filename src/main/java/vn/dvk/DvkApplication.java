package vn.dvk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dvk.shared.AuditVerifyCommand;
import vn.dvk.storage.MigrateFilesCommand;
import vn.dvk.storage.OrphanFiles;

/** DVK: the "Dân vận khéo" emulation movement, from registration to recognition. */
@SpringBootApplication
public class DvkApplication {

    public static void main(String[] args) {
        if (AuditVerifyCommand.requested(args)) {
            System.exit(AuditVerifyCommand.run(args, System.out));
        }
        if (MigrateFilesCommand.requested(args)) {
            System.exit(MigrateFilesCommand.run(args, System.out));
        }
        boolean command = args.length > 0 && ("generate".equals(args[0]) || OrphanFiles.ARG.equals(args[0]));
        if (command) {
            // the generator and the orphan sweep run in the full context but opens no HTTP port (server.port=-1), then
            // ends
            String[] withoutPort = new String[args.length + 1];
            System.arraycopy(args, 0, withoutPort, 0, args.length);
            withoutPort[args.length] = "--server.port=-1";
            args = withoutPort;
        }
        ConfigurableApplicationContext context = SpringApplication.run(DvkApplication.class, args);
        if (command) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
