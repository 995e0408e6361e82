/**
 * The application shell: sign-in, the security rules every request passes, the navigation by the
 * standard's stages (监测收集 4.1, 核实研判 4.2–4.3, 回应处置 4.4, 跟进 4.5, 考核 4.6), the home
 * page and the error pages. Holds no rule of the standard.
 *
 * <p>Glossary: Stage 工作环节 · NavigationEntry 导航项.
 */
@ApplicationModule(allowedDependencies = {"shared", "organisation"})
package cn.yuqing.shell;

import org.springframework.modulith.ApplicationModule;
