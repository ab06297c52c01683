// The poll server tests run twice: against a SQLite file, and against PostgreSQL when CTest
// passes STADSMIJN_TEST_POSTGRES (the file where tools/setup/start-postgres.sh wrote its
// connection string). When the setup script found that this machine cannot run PostgreSQL it
// wrote a ".skip" file with the reason instead; the run then reports "skipped" (exit 77).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

int main(int argc, char** argv) {
    const char* postgres = std::getenv("STADSMIJN_TEST_POSTGRES");
    if (postgres && *postgres) {
        std::ifstream connection(postgres);
        if (!connection) {
            std::ifstream skip(std::string(postgres) + ".skip");
            std::string reason;
            if (skip && std::getline(skip, reason)) {
                std::printf("skipped: PostgreSQL cannot run on this machine: %s\n", reason.c_str());
                return 77;
            }
            std::fprintf(stderr, "no PostgreSQL connection in %s: did the postgres fixture run?\n", postgres);
            return 1;
        }
        std::printf("backend: PostgreSQL (throwaway cluster)\n");
    } else {
        std::printf("backend: SQLite (a file per test)\n");
    }
    doctest::Context context(argc, argv);
    return context.run();
}
