package vn.dvk.inspection;

import org.springframework.data.jpa.repository.JpaRepository;

interface Inspections extends JpaRepository<Inspection, Long> {}
