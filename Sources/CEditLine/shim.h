#include <stdio.h>
#include <locale.h>
#include <wchar.h>
#include <editline/readline.h>
