package dev.genairesilience.benchmarks.overhead;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application of the overhead benchmark: the in-process provider type and an annotated service. */
@Configuration(proxyBeanMethods = false)
public class OverheadConfiguration {

    /** The chain over the one in-process provider. */
    static final String CHAIN = "inprocess";

    /** Its properties: one provider of type {@code fixed}, one chain over it, everything else by default. */
    static Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.main.banner-mode", "off");
        p.put("spring.main.log-startup-info", "false");
        p.put("logging.level.root", "WARN");
        p.put("genai.providers.fixed.type", "fixed");
        p.put("genai.chains." + CHAIN + ".providers", "fixed");
        return p;
    }

    @Bean
    FixedImageProviderFactory fixedImageProviderFactory() {
        return new FixedImageProviderFactory();
    }

    @Bean
    AnnotatedImages annotatedImages() {
        return new AnnotatedImages();
    }
}
