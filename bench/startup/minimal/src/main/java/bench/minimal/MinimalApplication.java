package bench.minimal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smallest application with DVK's starters: what Spring Boot itself costs at start-up. */
@SpringBootApplication
@RestController
public class MinimalApplication {

    @GetMapping("/ping")
    String ping() {
        return "ok";
    }

    public static void main(String[] args) {
        SpringApplication.run(MinimalApplication.class, args);
    }
}
