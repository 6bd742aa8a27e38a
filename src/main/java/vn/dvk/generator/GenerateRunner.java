package vn.dvk.generator;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar dvk.jar generate --scale=national [--seed=2025]} fills the configured (empty) database, prints its
 * progress and timing, and ends (the application does not start its web server in that mode).
 */
@Component
@Order(1)
class GenerateRunner implements ApplicationRunner {

    static final String COMMAND = "generate";

    private final DatasetGenerator generator;

    GenerateRunner(DatasetGenerator generator) {
        this.generator = generator;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !COMMAND.equals(words.get(0))) {
            return;
        }
        String scale =
                args.containsOption("scale") && !args.getOptionValues("scale").isEmpty()
                        ? args.getOptionValues("scale").get(0)
                        : words.size() > 1 ? words.get(1) : "small";
        long seed = args.containsOption("seed")
                ? Long.parseLong(args.getOptionValues("seed").get(0))
                : 2025L;
        Scale s = Scale.parse(scale);
        System.out.printf(
                "[generate] scale %s (%d provinces, ~%,d models), seed %d%n",
                s.name().toLowerCase(), s.provinces(), s.models(), seed);
        generator.generate(s, seed, System.out);
    }
}
