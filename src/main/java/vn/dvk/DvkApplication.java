package vn.dvk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.dvk.shared.AuditVerifyCommand;

/** DVK: the "Dân vận khéo" emulation movement, from registration to recognition. */
@SpringBootApplication
public class DvkApplication {

    public static void main(String[] args) {
        if (AuditVerifyCommand.requested(args)) {
            System.exit(AuditVerifyCommand.run(args, System.out));
        }
        SpringApplication.run(DvkApplication.class, args);
    }
}
