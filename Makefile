# mkdoc: build, test, benchmark.  See README.md.
CC      ?= cc
PKGS    := pangocairo pangoft2 pango cairo cairo-pdf libxml-2.0 libxslt libexslt \
           fontconfig harfbuzz icu-uc gdk-pixbuf-2.0 librsvg-2.0
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))
OPT     ?= -O2 -g
CFLAGS  ?= $(OPT)
CFLAGS  += -std=c17 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
           -Wno-missing-field-initializers $(PKG_CFLAGS)
LDLIBS  += $(PKG_LIBS) -lm
BUILD   ?= build

SRC_DIRS := tools/base tools/source tools/fo tools/text tools/layout tools/render
LIB_SRCS := $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.c))
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/%.o)
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: docbook-check all check unit asan asan-build asan-check fuzz fuzz-bins fuzz-smoke fuzz-campaign clean bench goldens lint
all: $(BUILD)/mkdoc

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libmkdoc.a: $(LIB_OBJS)
	@rm -f $@
	@ar rcs $@ $^

$(BUILD)/mkdoc: $(BUILD)/tools/cli/mkdoc.o $(BUILD)/libmkdoc.a
	@echo "LD $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libmkdoc.a tests/unit/test.h
	@mkdir -p $(dir $@)
	@echo "LD $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libmkdoc.a $(LDLIBS)

# FO from other stylesheets: tests/docbook/ through Debian's docbook-xsl
# (also a group of make check)
docbook-check: all
	@BUILD=$(BUILD) bash tests/docbook_test.sh

unit: $(UNIT_BINS)
	@fail=0; for t in $(UNIT_BINS); do $$t || fail=1; done; exit $$fail

# The whole suite, then (groups of tests/run.sh, so the last line is still
# one "N passed, N failed") the same suite on the sanitizer build and a
# short run of every fuzz target. MKDOC_CHECK_QUICK=1 leaves those two out.
check: all $(UNIT_BINS)
	@BUILD=$(BUILD) MAKE="$(MAKE)" MKDOC_CHECK_EXTRA=$(if $(MKDOC_CHECK_QUICK),,asan-fuzz) sh tests/run.sh

# AddressSanitizer + UBSan build in build-asan, every finding fatal.
ASAN_OPT := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# Leak checks (LSan) only in the unit tests and the memcheck group, which
# turn them on: they double the time of every run (see tests/run.sh).
ASAN_ENV := ASAN_OPTIONS=detect_leaks=0 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:fast_unwind_on_malloc=0:print_suppressions=0
asan-build:
	@$(MAKE) --no-print-directory BUILD=build-asan CC=clang OPT="$(ASAN_OPT)" \
	  LDFLAGS="-fsanitize=address,undefined" all $(UNIT_SRCS:tests/unit/%.c=build-asan/tests/%)

# The whole suite on that build (its memcheck group is LeakSanitizer on the
# sample report: valgrind cannot host ASan). make check runs the same as its
# "asan" group.
asan-check: asan-build
	@$(ASAN_ENV) BUILD=build-asan MKDOC_CHECK_EXTRA= sh tests/run.sh
asan: asan-check

# libFuzzer targets (tests/fuzz/fuzz_*.c), clang only, into build-fuzz/.
FUZZ_OPT := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer
FUZZ_TIME ?= 20
fuzz:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT="$(FUZZ_OPT)" fuzz-bins

fuzz-bins: $(patsubst tests/fuzz/%.c,$(BUILD)/%,$(wildcard tests/fuzz/fuzz_*.c))

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(BUILD)/libmkdoc.a
	@echo "LD $@"
	@$(CC) $(CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/libmkdoc.a $(LDLIBS)

# Each target for FUZZ_TIME seconds (and its crash regressions replayed):
# "fuzz: N passed, N failed". make check runs it as its "fuzz" group.
fuzz-smoke: fuzz
	@FUZZ_BUILD=build-fuzz FUZZ_TIME=$(FUZZ_TIME) bash tests/fuzz/smoke.sh

# A campaign: each target in turn (one core) for FUZZ_CAMPAIGN_TIME seconds,
# random seeds; prints the README's table rows (tests/fuzz/README.md).
FUZZ_CAMPAIGN_TIME ?= 360
fuzz-campaign: fuzz
	@FUZZ_TIME=$(FUZZ_CAMPAIGN_TIME) bash tests/fuzz/campaign.sh

clean:
	rm -rf build build-asan build-fuzz out

# Regenerate the golden trace of the sample report, deliberately; review the diff.
goldens: all
	@BUILD=$(BUILD) bash tests/golden.sh update

# A ~300-page report: pages per second and peak memory (see bench/run.sh).
bench: all
	@BUILD=$(BUILD) bash bench/run.sh

# Syntax of the project's scripts.
lint:
	@for f in tests/*.sh tests/fuzz/*.sh bench/*.sh scripts/*.sh .ci/run; do bash -n $$f || exit 1; done
	@python3 -c "import ast, sys; [ast.parse(open(f).read(), f) for f in sys.argv[1:]]" tests/spec_run.py bench/gen_report.py \
	  tests/pathological/gen.py tests/fuzz/seeds.py tests/fuzz/gen_dict.py tests/leaflet_check.py
	@echo "lint: scripts ok"

-include $(LIB_OBJS:.o=.d)
