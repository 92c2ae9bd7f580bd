package dev.genairesilience.it.memory;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /generate} with the prompt as the body generates on the {@code shots} chain and tells who served it
 * and how; {@code GET /heap} reports the heap in use after full collections, its maximum, and the sum of the heap
 * pools' peaks since start.
 */
@RestController
class GenerationAndHeapController {

    private final ImageGenerator generator;

    GenerationAndHeapController(ImageGenerator generator) {
        this.generator = generator;
    }

    @PostMapping("/generate")
    Map<String, Object> generate(@RequestBody String prompt) {
        GeneratedImage image = generator.generate("shots", ImageRequest.of(prompt));
        return Map.of("provider", image.provider(), "bytes", image.bytes().length,
                "attempts", image.attempts().stream().map(Attempt::summary).toList());
    }

    @GetMapping("/heap")
    Map<String, Long> heap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // with the serial collector each is a full collection; a few let finalizable and soft garbage go too
        for (int i = 0; i < 3; i++) {
            memory.gc();
            Thread.sleep(50);
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return Map.of("used", memory.getHeapMemoryUsage().getUsed(), "max", memory.getHeapMemoryUsage().getMax(),
                "peak", peak);
    }
}
