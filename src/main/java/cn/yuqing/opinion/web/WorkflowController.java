package cn.yuqing.opinion.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.yuqing.opinion.WorkflowChart;

/** The flow chart of 4.7, drawn from the workflow the events obey. */
@Controller
class WorkflowController {

    @GetMapping("/workflow")
    @PreAuthorize("isAuthenticated()")
    String chart(HttpServletRequest request, Model model) {
        model.addAttribute("chart", WorkflowChart.svg(request.getContextPath() + "/standard"));
        model.addAttribute("orders", WorkflowChart.workOrders(request.getContextPath() + "/standard"));
        return "opinion/workflow";
    }
}
