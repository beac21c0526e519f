/* A minimal unit-test harness: each check counts as one test.
 *
 *   TEST_BEGIN("linebreak");  OK(x > 0);  INT_EQ(a, b);  STR_EQ(s, "x");
 *   return TEST_END();   // prints "N passed, N failed", exits 1 on failure */
#ifndef MKDOC_TEST_H
#define MKDOC_TEST_H

#include <stdio.h>
#include <string.h>

static int test_passed, test_failed;
static const char *test_suite = "";

#define TEST_BEGIN(name) (test_suite = (name))
#define TEST_FAIL_AT(fmt, ...)                                               \
    (test_failed++, fprintf(stderr, "FAIL %s %s:%d: " fmt "\n", test_suite,  \
                            __FILE__, __LINE__, __VA_ARGS__))
#define OK(cond)                                                             \
    ((cond) ? (void)test_passed++ : (void)TEST_FAIL_AT("%s", #cond))
#define INT_EQ(a, b)                                                         \
    do {                                                                     \
        long long a_ = (long long)(a), b_ = (long long)(b);                  \
        if (a_ == b_) test_passed++;                                         \
        else TEST_FAIL_AT("%s == %s: %lld != %lld", #a, #b, a_, b_);         \
    } while (0)
#define STR_EQ(a, b)                                                         \
    do {                                                                     \
        const char *a_ = (a), *b_ = (b);                                     \
        if (a_ && b_ && strcmp(a_, b_) == 0) test_passed++;                  \
        else TEST_FAIL_AT("%s == %s: \"%s\" != \"%s\"", #a, #b,               \
                          a_ ? a_ : "(null)", b_ ? b_ : "(null)");          \
    } while (0)
#define TEST_END()                                                           \
    (printf("%s: %d passed, %d failed\n", test_suite, test_passed,           \
            test_failed),                                                    \
     test_failed ? 1 : 0)

#endif
