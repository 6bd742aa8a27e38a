package vn.dvk.statistics;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.dvk.shared.Problems;

/** Bad parameters on the statistics pages (a year out of range, an unknown kind of export) are answered 400. */
@ControllerAdvice(
        assignableTypes = {ReportPageController.class, JobPageController.class, StatisticsPageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class StatisticsPageAdvice {

    @ExceptionHandler(Problems.Invalid.class)
    String invalid(Problems.Invalid ex, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute(
                "messageKey",
                ex.errors().isEmpty() ? "problem.invalid" : ex.errors().get(0).messageKey());
        return "error/problem";
    }
}
