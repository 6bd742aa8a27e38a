package vn.dvk.model;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Reviews extends JpaRepository<Review, Long> {

    boolean existsByModelIdAndYear(Long modelId, int year);

    List<Review> findByModelIdOrderByYearAsc(Long modelId);
}
